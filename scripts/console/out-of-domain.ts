// What the stand-in's fallback class learns from, besides the skill's own samples: a generic set of requests
// people make of any voice assistant (weather, time, music, timers and alarms, lists, smart home, calls,
// shopping, news, sport, trivia, sums, small talk). Alexa's AMAZON.FallbackIntent is likewise "a model generated
// from yours" plus Amazon's own out-of-domain data, which is not published; this list is our stand-in for that
// data, written for the console, not taken from either corpus (test/corpus checks that no corpus row is here).
export const OUT_OF_DOMAIN: readonly string[] = [
  // weather
  'weather forecast for this weekend', 'will it snow tonight', 'how hot will it be on saturday',
  'do i need an umbrella', 'is it windy outside', 'what is the temperature outside', 'how cold is it in denver',
  // time and date
  'what is the date today', 'what day is christmas on', 'when is sunset', 'how many days until easter',
  // music, radio, audio
  'play the beatles', 'play country radio', 'next song', 'skip this song', 'who sings this song',
  'play my morning playlist', 'play an audiobook', 'play the latest podcast episode',
  // timers and alarms
  'set a timer for five minutes', 'how long is left on my timer', 'cancel the timer', 'set an alarm for seven',
  'wake me up at six thirty', 'snooze', 'start a pasta timer',
  // lists, shopping, orders
  'add apples to my list', 'what is on my shopping list', 'add batteries to my cart', 'reorder dog food',
  'track my package', 'where is my order', 'buy more coffee pods',
  // smart home
  'dim the hallway lights', 'set the thermostat to seventy', 'turn off the tv', 'turn on the heater',
  'open the garage door', 'is the back door locked', 'turn the bathroom light on', 'switch off all the lamps',
  // calls and messages
  'call grandma', 'ring my son', 'send a message to sarah', 'drop in on the kitchen', 'do i have any messages',
  'announce dinner is ready',
  // calendar, reminders about other things
  'what is on my schedule tomorrow', 'add a dentist appointment on friday', 'when is my next meeting',
  // news, sport, facts
  'what is in the news', 'give me my flash briefing', 'what is the score of the baseball game', 'when do the yankees play',
  'who is the prime minister', 'who wrote pride and prejudice', 'how far away is the moon', 'what is the population of canada',
  'how many feet in a mile', 'what is the speed of light', 'who invented the telephone', 'what does photosynthesis mean',
  'define serendipity', 'translate hello into french',
  // sums and conversions
  'what is fifteen percent of eighty', 'convert ten pounds to kilograms', 'how many tablespoons in a cup',
  'what is twelve times seven',
  // cooking, local, travel
  'give me a recipe for chicken soup', 'how long do i boil an egg', 'find a pharmacy near me', 'is the library open',
  'how is the traffic to work', 'when is the next bus', 'book a taxi', 'find a good italian restaurant',
  // small talk and the device
  'tell me something interesting', 'sing a song', 'how are you', 'what is your name', 'are you listening', 'open the news app',
  'volume down', 'louder', 'mute', 'open spotify', 'read my book', 'show me the camera',
  'flip a coin', 'roll a die', 'i love you', 'what should i watch tonight',
];
